package io.weft.gateway.edge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads JSON request bodies strictly: the body must be exactly one JSON value, with no key twice in an
 * object. Micronaut serde reads the first value and ignores what follows it (it has no
 * {@code FAIL_ON_TRAILING_TOKENS}), so {@code {"name":"a"} xyz} would create a session; this reader
 * checks the whole text first, then hands it to Micronaut's own JSON reader. Duplicate keys are also
 * refused by the serde parser itself ({@code micronaut.serde.jackson.parser-features} in
 * application.yml, which covers websocket commands too); checking them here as well gives an HTTP body
 * the same problem, naming {@code /}, as trailing text.
 */
@Singleton
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
@Order(StrictJsonReader.ORDER)
public final class StrictJsonReader<T> implements MessageBodyReader<T> {

    /** Ahead of Micronaut's {@link JsonMessageHandler#ORDER}, so this reader is the one chosen for JSON. */
    public static final int ORDER = JsonMessageHandler.ORDER - 10;

    private static final JsonFactory CHECKER = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonMessageHandler<T> delegate;

    public StrictJsonReader(JsonMapper mapper) {
        this.delegate = new JsonMessageHandler<>(mapper);
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return delegate.isReadable(type, mediaType);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) throws CodecException {
        return readChecked(type, mediaType, headers, body.toByteArray());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        try {
            return readChecked(type, mediaType, headers, body.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }

    private T readChecked(Argument<T> type, MediaType mediaType, Headers headers, byte[] text) {
        check(text);
        return delegate.read(type, mediaType, headers, new ByteArrayInputStream(text));
    }

    /**
     * Refuses {@code text} unless it is one JSON value with distinct keys in each object. Empty text
     * passes: Micronaut binds it as no body, which each call refuses if it needs one.
     */
    static void check(byte[] text) {
        try (JsonParser parser = CHECKER.createParser(text)) {
            if (parser.nextToken() == null) {
                return;
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw RequestBodyException.malformed("text follows the JSON value at line "
                        + parser.currentTokenLocation().getLineNr() + ", column " + parser.currentTokenLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            throw RequestBodyException.malformed(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }
}
