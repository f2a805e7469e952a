package io.weft.model;

/**
 * A value refused at construction. {@link #field()} names what was wrong (for example
 * {@code tasks[3].options.priority}), so adapters can report it without parsing the message.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same problem, reported under a longer path such as {@code tasks[3].}{@code type}. */
    public InvalidValueException under(String prefix) {
        InvalidValueException moved = new InvalidValueException(prefix + "." + field, getMessage().substring(field.length() + 1));
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
