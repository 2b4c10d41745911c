package org.amity.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.amity.platform.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of the JSON API into RFC 9457 problem details with a stable {@code code}, the offending
 * {@code field} where there is one and, for enumerations, the {@code allowedValues}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.getMessage(), e.field());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                cause = t; // the outermost Jackson error knows the field path; its cause may not
                break;
            }
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                List<String> allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).toList();
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "INVALID_ENUM_VALUE",
                        "'" + invalid.getValue() + "' is not one of " + allowed + " for " + field, field);
                p.setProperty("allowedValues", allowed);
                return respond(p);
            }
            return respond(problem(HttpStatus.BAD_REQUEST, "INVALID_VALUE",
                    "'" + invalid.getValue() + "' is not a valid " + simpleType(target) + " for " + field, field));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(problem(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
                    "Unknown field '" + unknown.getPropertyName() + "'", path(unknown)));
        }
        if (cause instanceof DatabindException bind) {
            String field = path(bind);
            return respond(problem(HttpStatus.BAD_REQUEST, "INVALID_VALUE",
                    "Invalid value" + (field == null ? "" : " for " + field) + ": " + bind.getOriginalMessage(), field));
        }
        if (cause instanceof JacksonException json) {
            return respond(problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is not valid JSON: "
                    + json.getOriginalMessage(), null));
        }
        if (cause instanceof java.time.format.DateTimeParseException dt) {
            return respond(problem(HttpStatus.BAD_REQUEST, "INVALID_VALUE", dt.getMessage(), null));
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is missing or unreadable", null));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
        String field = errors.isEmpty() ? null : errors.get(0).get("field");
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", errors.stream()
                .map(f -> f.get("field") + ": " + f.get("message")).collect(Collectors.joining("; ")), field);
        p.setProperty("errors", errors);
        return respond(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        if (type != null && type.isEnum()) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "INVALID_ENUM_VALUE",
                    "'" + e.getValue() + "' is not one of " + allowed + " for " + e.getName(), e.getName());
            p.setProperty("allowedValues", allowed);
            return respond(p);
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "'" + e.getValue() + "' is not a valid " + simpleType(type) + " for " + e.getName(), e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "PARAMETER_REQUIRED",
                "Parameter '" + e.getParameterName() + "' is required", e.getParameterName()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return respond(problem(HttpStatus.CONFLICT, "DUPLICATE", "A record with the same identifier already exists", null));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED", "Your role may not do this", null));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource: /" + e.getResourcePath(), null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage(), null));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", e.getMessage(), null));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "The upload is larger than allowed", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; nothing was changed", null));
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String path(DatabindException e) {
        String joined = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return joined.isEmpty() ? null : joined;
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "BigDecimal" -> "decimal number";
            case "Instant" -> "ISO-8601 instant with offset (e.g. 2026-12-01T09:00:00+08:00)";
            case "LocalDate" -> "ISO date (e.g. 2026-12-01)";
            case "UUID" -> "id (UUID)";
            default -> type.getSimpleName();
        };
    }
}
