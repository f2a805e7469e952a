package io.weft.gateway.edge;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.weft.gateway.config.WeftProperties;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Puts an {@link IdleBodyHandler} on every HTTP/1.1 connection of the server, with
 * {@code WEFT_HTTP_IDLE} ({@link WeftProperties#httpIdle()}): a client that stops sending a body it
 * declared (one slow client per connection could tie up the gateway) is cut off, and an upload it
 * left half-sent is aborted, its chunks removed, the result still CREATED to be uploaded again.
 */
@Singleton
public class IdleBodyTimeout implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** The handler's name in the pipeline. */
    static final String HANDLER = "weft-idle-body";

    private final Duration idle;

    public IdleBodyTimeout(WeftProperties properties) {
        this.idle = properties.httpIdle();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel connection;

        Customizer(Channel connection) {
            this.connection = connection;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (connection != null && connection.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && connection.pipeline().get(HANDLER) == null) {
                connection.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new IdleBodyHandler(idle));
            }
        }
    }
}
