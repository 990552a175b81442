package org.confdsl.store;

/** A store cannot be read or watched; the message names the store and, where known, the file, line or key. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
