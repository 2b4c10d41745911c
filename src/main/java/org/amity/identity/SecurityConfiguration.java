package org.amity.identity;

import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the JSON API (HTTP Basic for staff and API clients, stateless, errors as problem details) and the
 * web console and portal (form login, session, CSRF). Which role owns each endpoint is declared on the
 * endpoint itself with {@code @PreAuthorize}; an architecture test checks that none is left without one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * No Spring Security observations: none of its spans or timers is used (http.server.requests times every request),
     * and with an observation registry present Security otherwise wraps every filter of every chain, the
     * authentication manager and each authorization check in an observation decorator, which costs on every request
     * even when a predicate then turns the observation off (a profile of the delinquency API under load, docs/benchmarks.md).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    CachingAuthenticationProvider authenticationProvider(UserAccounts users, PasswordEncoder encoder) {
        return new CachingAuthenticationProvider(users, encoder);
    }

    @Bean
    AuthenticationManager authenticationManager(CachingAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "SYSTEM")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) ->
                        writeProblem(res, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Log in with HTTP Basic credentials")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless: no session to log out of, and no saved request to resume after a login page
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                writeProblem(res, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Log in with HTTP Basic credentials"))
                        .accessDeniedHandler((req, res, ex) ->
                                writeProblem(res, HttpStatus.FORBIDDEN, "ACCESS_DENIED", "Your role may not do this")))
                .addFilterAfter(new PasswordChangeFilter(true), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager, OneTimeCodes codes) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
                                "/error", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/portal/**").hasRole("CUSTOMER")
                        .requestMatchers("/console/audit/**").hasAnyRole("COMPLIANCE", "ADMIN")
                        .requestMatchers("/console/**").hasAnyRole("ADMIN", "SUPERVISOR", "AGENT", "FIELD_OFFICER", "COMPLIANCE")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(homeByRole(codes)).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(sendToOwnHome()))
                .addFilterAfter(new PasswordChangeFilter(false), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new OneTimeCodeFilter(), PasswordChangeFilter.class);
        return http.build();
    }

    /**
     * Customers land in their portal, staff in the console. Where the bank requires it, a customer first gets a
     * one-time code by SMS and the session stays limited to the code page until it is entered.
     */
    private static AuthenticationSuccessHandler homeByRole(OneTimeCodes codes) {
        return (request, response, authentication) -> {
            boolean customer = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_CUSTOMER"));
            if (customer && authentication.getPrincipal() instanceof AmityUser user && codes.requiredFor(user)) {
                request.getSession().setAttribute(OneTimeCodeFilter.PENDING, user.id());
                codes.issue(user);
                response.sendRedirect(request.getContextPath() + "/login/code");
                return;
            }
            response.sendRedirect(request.getContextPath() + (customer ? "/portal" : "/console"));
        };
    }

    /**
     * A customer who follows a console link (or a staff member a portal link) is taken to their own home rather
     * than shown an error; a staff member without the role for a console page gets 403.
     */
    private static AccessDeniedHandler sendToOwnHome() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean customer = CurrentUser.get().map(AmityUser::isCustomer).orElse(false);
            if (customer && path.startsWith("/console")) {
                response.sendRedirect(request.getContextPath() + "/portal");
            } else if (!customer && CurrentUser.get().isPresent() && path.startsWith("/portal")) {
                response.sendRedirect(request.getContextPath() + "/console");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Amity\"");
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
