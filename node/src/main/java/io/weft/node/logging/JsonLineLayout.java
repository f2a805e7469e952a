package io.weft.node.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback layout of one JSON object per line, so that a log shipper needs no rules for multi-line
 * events and a query can pick out one task or session. Fields: {@code time}, {@code level},
 * {@code logger}, {@code thread}, {@code message}, the ids a message carries as {@code key=value}
 * ({@code task}, {@code session}, {@code attempt}, {@code member}, {@code type}, {@code result}), the
 * MDC, and {@code error} with the stack trace, its line breaks escaped like any other.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    private static final Pattern ID_FIELD = Pattern.compile("\\b(task|session|attempt|member|type|result)=([^\\s,;'\"]+)");

    @Override
    public String doLayout(ILoggingEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        fields.put("level", event.getLevel().toString());
        fields.put("logger", event.getLoggerName());
        fields.put("thread", event.getThreadName());
        String message = event.getFormattedMessage();
        fields.put("message", message);
        if (message != null) {
            Matcher ids = ID_FIELD.matcher(message);
            while (ids.find()) {
                fields.putIfAbsent(ids.group(1), ids.group(2));
            }
        }
        event.getMDCPropertyMap().forEach(fields::putIfAbsent);
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            fields.put("error", ThrowableProxyUtil.asString(error));
        }
        StringBuilder line = new StringBuilder(256).append('{');
        fields.forEach((name, value) -> {
            if (line.length() > 1) {
                line.append(',');
            }
            appendString(line, name).append(':');
            if (value == null) {
                line.append("null");
            } else {
                appendString(line, value);
            }
        });
        return line.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
    }

    @Override
    public String getContentType() {
        return "application/x-ndjson";
    }

    private static StringBuilder appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
