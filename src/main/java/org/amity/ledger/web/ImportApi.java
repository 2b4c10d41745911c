package org.amity.ledger.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.amity.ledger.ImportJobView;
import org.amity.ledger.ImportKind;
import org.amity.ledger.LedgerImports;
import org.amity.platform.ApiProblem;
import org.amity.platform.web.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV bulk import. The upload is stored and imported in the background (202 with the job to poll); with
 * {@code ?wait=true} the call returns when the import has finished: 201 when it was written, 422 with every
 * error when nothing was.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','SYSTEM')")
class ImportApi {

    private static final long WAIT_AT_MOST = Duration.ofMinutes(30).toMillis();

    private final LedgerImports imports;

    ImportApi(LedgerImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/{kind}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<Object> uploadBody(@PathVariable String kind, @RequestParam(defaultValue = "false") boolean wait,
                                      @RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
        ImportKind k = kind(kind);
        try (InputStream body = request.getInputStream()) {
            return respond(imports.start(k, body, fileName == null ? k.name().toLowerCase() + ".csv" : fileName), wait);
        }
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> uploadFile(@PathVariable String kind, @RequestParam(defaultValue = "false") boolean wait,
                                      @RequestPart("file") MultipartFile file) throws IOException {
        ImportKind k = kind(kind);
        try (InputStream in = file.getInputStream()) {
            return respond(imports.start(k, in, file.getOriginalFilename()), wait);
        }
    }

    @GetMapping("/{id}")
    ImportJobView get(@PathVariable UUID id) {
        return imports.job(id).orElseThrow(() -> ApiProblem.notFound("IMPORT_NOT_FOUND", "No import job " + id));
    }

    @GetMapping
    List<ImportJobView> recent(@RequestParam(defaultValue = "20") int limit) {
        return imports.recentJobs(Math.max(1, Math.min(limit, 200)));
    }

    private ResponseEntity<Object> respond(ImportJobView job, boolean wait) {
        URI location = URI.create("/api/v1/imports/" + job.id());
        if (!wait) {
            return ResponseEntity.accepted().location(location).body(job);
        }
        ImportJobView done = imports.await(job.id(), WAIT_AT_MOST);
        return switch (done.status()) {
            case SUCCEEDED -> ResponseEntity.created(location).body(done);
            case RUNNING -> ResponseEntity.accepted().location(location).body(done);
            case FAILED -> {
                ProblemDetail p = ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "IMPORT_REJECTED",
                        done.errorCount() + " error(s) in the file; nothing was imported", null);
                p.setProperty("job", done);
                p.setProperty("errorCount", done.errorCount());
                p.setProperty("errors", done.errors());
                yield ResponseEntity.unprocessableContent().location(location)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
            }
        };
    }

    /** Accepts the kind in any case (the path reads better as {@code /imports/loans}). */
    private static ImportKind kind(String kind) {
        return Arrays.stream(ImportKind.values()).filter(k -> k.name().equalsIgnoreCase(kind)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("INVALID_ENUM_VALUE", "kind",
                        "'" + kind + "' is not one of " + Arrays.toString(ImportKind.values()))
                        .allowedValues(Arrays.stream(ImportKind.values()).map(Enum::name).toList()));
    }
}
