package org.amity.platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error a client can act on: HTTP status, a stable machine-readable {@code code}, a readable detail and,
 * where one field is at fault, its name. Rendered as RFC 9457 problem details.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String code, String field, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiProblem badRequest(String code, String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, field, detail);
    }

    public static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, null, detail);
    }

    public static ApiProblem conflict(String code, String field, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, field, detail);
    }

    public static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, code, null, detail);
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public ApiProblem allowedValues(Collection<?> values) {
        return with("allowedValues", List.copyOf(values));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
