package io.weft.gateway.edge;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request body stalls: from the moment the gateway asks for more of a body
 * until a byte of it arrives, at most {@code idle} may pass. One per HTTP/1.1 connection, right after
 * the codec, so it sees the request, its content and the server's read requests.
 *
 * <p>Why not Micronaut's {@code micronaut.server.idle-timeout}: it closes a connection that neither
 * reads nor writes, which is also a quiet event stream or a {@code POST /v1/run} waiting for its task,
 * and {@code read-idle-timeout} events are not acted on at all. And the time counts only while the
 * gateway wants bytes: when it stops reading because the grid is slow to take an upload's chunks, the
 * client is not the one idle.
 */
final class IdleBodyHandler extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdleBodyHandler.class);

    private final long idleNanos;
    /** Between a request that has a body and the body's last content. */
    private boolean inBody;
    /** The server asked for bytes, and none came since. */
    private boolean awaiting;
    private long awaitingSince;
    private ScheduledFuture<?> check;

    IdleBodyHandler(Duration idle) {
        this.idleNanos = idle.toNanos();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        awaiting = false;
        if (msg instanceof HttpRequest request) {
            inBody = HttpUtil.getContentLength(request, -1L) > 0 || HttpUtil.isTransferEncodingChunked(request);
        }
        if (msg instanceof LastHttpContent) {
            inBody = false;
        } else if (msg instanceof HttpContent || msg instanceof HttpRequest) {
            watch(ctx);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!awaiting) {
            awaiting = true;
            awaitingSince = System.nanoTime();
        }
        ctx.read();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        inBody = false;
        if (check != null) {
            check.cancel(false);
            check = null;
        }
        super.channelInactive(ctx);
    }

    private void watch(ChannelHandlerContext ctx) {
        if (inBody && check == null) {
            check = ctx.executor().schedule(() -> expire(ctx), idleNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs on the connection's event loop, as every other method here: no locking needed. */
    private void expire(ChannelHandlerContext ctx) {
        check = null;
        if (!inBody || !ctx.channel().isActive()) {
            return;
        }
        long waited = awaiting ? System.nanoTime() - awaitingSince : 0;
        if (waited >= idleNanos) {
            LOG.info("closing {}: its request body sent nothing for {}", ctx.channel().remoteAddress(),
                    Duration.ofNanos(waited).withNanos(0));
            ctx.close();
            return;
        }
        check = ctx.executor().schedule(() -> expire(ctx), idleNanos - waited, TimeUnit.NANOSECONDS);
    }
}
