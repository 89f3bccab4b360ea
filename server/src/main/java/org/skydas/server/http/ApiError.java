package org.skydas.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every refusal's body: {@code {"error": "..."}}, with {@code field} naming the request field at fault where one is
 * (obstacle register, siting plans). The OpenAPI schemas {@code Error} and {@code ErrorWithField}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {

    public ApiError(String error) {
        this(error, null);
    }
}
