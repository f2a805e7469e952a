package io.weft.model.serialization;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.weft.model.grid.ApplyHook;
import io.weft.model.grid.LeaseDelivery;
import io.weft.model.grid.RecordDeliveryAttempt;
import io.weft.model.hook.DeliveryAttempt;
import io.weft.model.hook.DeliveryState;
import io.weft.model.hook.Hook;
import io.weft.model.hook.HookDelivery;
import io.weft.model.hook.HookEvent;
import io.weft.model.hook.HookScope;
import io.weft.model.http.UrlAllowList;
import io.weft.model.serialization.ScheduleAndLogSerializers.Named;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Compact serializers of hooks, their deliveries and the published URL allow-list. A delivery's
 * {@code hookId}, {@code state} and {@code dueAtMs} (the next attempt's epoch millis, or
 * {@link Long#MAX_VALUE} when none is due) are top-level fields: the sweep's query and the map's
 * indexes read them.
 */
final class HookSerializers {

    private HookSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(new UrlAllowListSerializer(), new HookSerializer(), new DeliveryAttemptSerializer(),
                new HookDeliverySerializer(), new LeaseDeliverySerializer(), new RecordDeliveryAttemptSerializer(),
                new ApplyHookSerializer());
    }

    static final class UrlAllowListSerializer extends Named<UrlAllowList> {
        UrlAllowListSerializer() {
            super("weft.UrlAllowList", UrlAllowList.class);
        }

        @Override
        public UrlAllowList read(CompactReader in) {
            return new UrlAllowList(Fields.readStrings(in, "prefixes"));
        }

        @Override
        public void write(CompactWriter out, UrlAllowList value) {
            Fields.writeStrings(out, "prefixes", value.prefixes());
        }
    }

    static final class HookSerializer extends Named<Hook> {
        HookSerializer() {
            super("weft.Hook", Hook.class);
        }

        @Override
        public Hook read(CompactReader in) {
            Set<HookEvent> events = EnumSet.noneOf(HookEvent.class);
            for (String event : Fields.readStrings(in, "events")) {
                events.add(HookEvent.valueOf(event));
            }
            return new Hook(in.readString("id"), Fields.readEnum(in, "scope", HookScope.class), in.readString("scopeId"),
                    events, in.readString("url"), in.readString("secret"), Fields.readInstant(in, "createdAt"));
        }

        @Override
        public void write(CompactWriter out, Hook value) {
            out.writeString("id", value.id());
            out.writeString("scope", Fields.enumName(value.scope()));
            out.writeString("scopeId", value.scopeId());
            Fields.writeStrings(out, "events", value.events().stream().map(Enum::name).sorted().toList());
            out.writeString("url", value.url());
            out.writeString("secret", value.secret());
            Fields.writeInstant(out, "createdAt", value.createdAt());
        }
    }

    static final class DeliveryAttemptSerializer extends Named<DeliveryAttempt> {
        DeliveryAttemptSerializer() {
            super("weft.DeliveryAttempt", DeliveryAttempt.class);
        }

        @Override
        public DeliveryAttempt read(CompactReader in) {
            return new DeliveryAttempt(in.readInt32("number"), Fields.readInstant(in, "at"), in.readString("member"),
                    in.readInt32("status"),
                    in.readString("error"), in.readInt64("durationMs"));
        }

        @Override
        public void write(CompactWriter out, DeliveryAttempt value) {
            out.writeInt32("number", value.number());
            Fields.writeInstant(out, "at", value.at());
            out.writeString("member", value.member());
            out.writeInt32("status", value.status());
            out.writeString("error", value.error());
            out.writeInt64("durationMs", value.durationMs());
        }
    }

    static final class HookDeliverySerializer extends Named<HookDelivery> {
        HookDeliverySerializer() {
            super("weft.HookDelivery", HookDelivery.class);
        }

        @Override
        public HookDelivery read(CompactReader in) {
            DeliveryAttempt[] attempts = in.readArrayOfCompact("attempts", DeliveryAttempt.class);
            return new HookDelivery(in.readString("id"), in.readString("hookId"), in.readString("eventId"),
                    Fields.readEnum(in, "event", HookEvent.class), in.readString("sessionId"), in.readString("taskId"),
                    in.readString("body"), Fields.readEnum(in, "state", DeliveryState.class),
                    attempts == null ? List.of() : List.of(attempts), Fields.readInstant(in, "createdAt"),
                    Fields.readInstant(in, "nextAttemptAt"));
        }

        @Override
        public void write(CompactWriter out, HookDelivery value) {
            out.writeString("id", value.id());
            out.writeString("hookId", value.hookId());
            out.writeString("eventId", value.eventId());
            out.writeString("event", Fields.enumName(value.event()));
            out.writeString("sessionId", value.sessionId());
            out.writeString("taskId", value.taskId());
            out.writeString("body", value.body());
            out.writeString("state", Fields.enumName(value.state()));
            out.writeArrayOfCompact("attempts", value.attempts().toArray(new DeliveryAttempt[0]));
            Fields.writeInstant(out, "createdAt", value.createdAt());
            Instant next = value.nextAttemptAt();
            Fields.writeInstant(out, "nextAttemptAt", next);
            out.writeInt64("dueAtMs", next == null ? Long.MAX_VALUE : next.toEpochMilli());
        }
    }

    static final class ApplyHookSerializer extends Named<ApplyHook> {
        ApplyHookSerializer() {
            super("weft.op.ApplyHook", ApplyHook.class);
        }

        @Override
        public ApplyHook read(CompactReader in) {
            return new ApplyHook(in.readString("hookId"));
        }

        @Override
        public void write(CompactWriter out, ApplyHook value) {
            out.writeString("hookId", value.hookId());
        }
    }

    static final class LeaseDeliverySerializer extends Named<LeaseDelivery> {
        LeaseDeliverySerializer() {
            super("weft.op.LeaseDelivery", LeaseDelivery.class);
        }

        @Override
        public LeaseDelivery read(CompactReader in) {
            return new LeaseDelivery(in.readInt32("number"), in.readInt64("nowMillis"), in.readInt64("untilMillis"));
        }

        @Override
        public void write(CompactWriter out, LeaseDelivery value) {
            out.writeInt32("number", value.number());
            out.writeInt64("nowMillis", value.nowMillis());
            out.writeInt64("untilMillis", value.untilMillis());
        }
    }

    static final class RecordDeliveryAttemptSerializer extends Named<RecordDeliveryAttempt> {
        RecordDeliveryAttemptSerializer() {
            super("weft.op.RecordDeliveryAttempt", RecordDeliveryAttempt.class);
        }

        @Override
        public RecordDeliveryAttempt read(CompactReader in) {
            return new RecordDeliveryAttempt(in.readCompact("attempt"), in.readInt32("maxAttempts"),
                    in.readInt64("retryAtMillis"));
        }

        @Override
        public void write(CompactWriter out, RecordDeliveryAttempt value) {
            out.writeCompact("attempt", value.attempt());
            out.writeInt32("maxAttempts", value.maxAttempts());
            out.writeInt64("retryAtMillis", value.retryAtMillis());
        }
    }
}
