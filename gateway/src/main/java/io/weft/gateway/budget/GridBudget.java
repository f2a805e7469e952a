package io.weft.gateway.budget;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The public methods of a class so marked call into the grid, and each call is given at most
 * {@code WEFT_GRID_TIMEOUT} ({@link GridBudgetInterceptor}): past it the caller gets a
 * {@link GridTimeoutException} (503 with Retry-After) rather than waiting on a grid that does not
 * answer (a frozen member, a lock held across a pause). It goes on the gateway's services (and on the
 * controllers that call {@code WeftClient} themselves), so every route is bounded in one place rather
 * than at each of its grid calls.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
public @interface GridBudget {

    /**
     * A method whose work is long by nature (an upload streams a body of any size into the grid): it is
     * run as it is, without the budget.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Unbounded {
    }
}
