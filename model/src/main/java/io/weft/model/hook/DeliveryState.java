package io.weft.model.hook;

/** Where a delivery is: still being tried, answered with a 2xx, or given up after its last attempt. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
}
