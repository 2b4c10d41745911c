package org.amity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Without demo data, --amity.bootstrap-admin creates one administrator with a one-time password. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"amity.bootstrap-admin=root-admin", "amity.demo.enabled=false"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminIT {

    @LocalServerPort
    int port;

    @Test
    void printsAOneTimePasswordThatMustBeReplacedBeforeAnythingElse(CapturedOutput output) {
        // this class's own context (its properties are unique) starts after the capture begins, so the runner's
        // console line is in the captured output
        Matcher m = Pattern.compile("Administrator 'root-admin' created with one-time password: (\\S+)").matcher(output.getAll());
        assertThat(m.find()).as("the one-time password is printed").isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        Api.Response blocked = new Api(port, "root-admin", password).get("/api/v1/audit/verify");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.text("code")).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(new Api(port, "root-admin", "wrong-password").get("/api/v1/audit/verify").status()).isEqualTo(401);

        // the first login may only choose a new password; after that the one-time password no longer works
        org.amity.support.WebSession console = org.amity.support.WebSession.loggedIn(port, "root-admin", password);
        assertThat(console.get("/console").headers().firstValue("Location").orElse("")).endsWith("/account/password");
        java.net.http.HttpResponse<String> changed = console.postForm("/account/password", "/account/password",
                java.util.Map.of("password", "a-new-long-secret", "repeat", "a-new-long-secret"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(new Api(port, "root-admin", password).get("/api/v1/audit/verify").status())
                .as("the one-time password, although checked a moment ago, is refused").isEqualTo(401);
        assertThat(new Api(port, "root-admin", "a-new-long-secret").get("/api/v1/audit/verify").status()).isEqualTo(200);
    }
}
