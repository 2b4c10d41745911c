package org.amity.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request-mapping lookup, with the candidate mappings narrowed by their literal path prefix first.
 *
 * <p>Why: a URL with a path variable ({@code /api/v1/loans/{id}/delinquency}) has no direct-path entry, so Spring
 * evaluates every one of the application's ~250 mappings against the request, and each evaluation reads the method,
 * headers and parsed path through the stack of request wrappers the security filters add. A profile of the
 * delinquency API under load put about a third of the request threads' time there.
 *
 * <p>How: a mapping can match a path only if the path starts with the literal text of one of its patterns up to
 * the last '/' before the first variable or wildcard ({@code /portal/**} → {@code /portal}, since it also matches
 * {@code /portal}). The lookup mirrors Spring's: mappings registered under the exact path first, then the others;
 * only the candidates whose prefix fits and whose path patterns match the path are evaluated, with Spring's own
 * conditions, comparator and {@link #handleMatch}. Whenever the fast path has nothing certain to say — no match (Spring then answers 404, 405,
 * 406 or 415 from all mappings), two equally good matches, a CORS pre-flight, or a path with percent-escapes or
 * matrix parameters (which Spring decodes or strips before matching) — the request goes to Spring's full lookup.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /** A mapping, its handler, and its path patterns (none: any path) with their literal prefixes. */
    private record Candidate(String[] prefixes, PathPattern[] patterns, RequestMappingInfo mapping, HandlerMethod handler) {

        /** The path test of Spring's {@code PathPatternsRequestCondition}, without reading the request again. */
        boolean pathMatches(PathContainer path) {
            if (patterns.length == 0) {
                return true;
            }
            for (PathPattern pattern : patterns) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * @param direct   mappings by the exact paths they are registered under (Spring's direct paths)
     * @param byPrefix mappings by each of their literal prefixes, each mapping once per distinct prefix
     */
    private record Index(Map<String, List<Candidate>> direct, Map<String, List<Candidate>> byPrefix) {
    }

    private record Matched(RequestMappingInfo mapping, HandlerMethod handler) {
    }

    private volatile Index index;

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        index = buildIndex();
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = buildIndex();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = buildIndex();
    }

    private Index buildIndex() {
        Map<String, List<Candidate>> direct = new HashMap<>();
        Map<String, List<Candidate>> byPrefix = new HashMap<>();
        getHandlerMethods().forEach((mapping, handler) -> {
            PathPatternsRequestCondition paths = mapping.getPathPatternsCondition();
            String[] prefixes = literalPrefixes(mapping);
            Candidate c = new Candidate(prefixes,
                    paths == null ? new PathPattern[0] : paths.getPatterns().toArray(PathPattern[]::new), mapping, handler);
            for (String prefix : new java.util.LinkedHashSet<>(List.of(prefixes))) {
                byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>(2)).add(c);
            }
            for (String path : mapping.getDirectPaths()) {
                direct.computeIfAbsent(path, k -> new ArrayList<>(1)).add(c);
            }
        });
        return new Index(direct, byPrefix);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index;
        String uri = request.getRequestURI();
        if (current == null || uri.indexOf('%') >= 0 || uri.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        List<Matched> matches = new ArrayList<>(2);
        List<Candidate> direct = current.direct().get(lookupPath);
        if (direct != null) {
            addMatches(direct, path, request, matches);
        }
        if (matches.isEmpty()) {
            addMatchesByPrefix(current.byPrefix(), lookupPath, path, request, matches);
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Matched best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            matches.sort((a, b) -> comparator.compare(a.mapping(), b.mapping()));
            best = matches.get(0);
            if (comparator.compare(best.mapping(), matches.get(1).mapping()) == 0) {
                return super.lookupHandlerMethod(lookupPath, request); // Spring reports the ambiguity
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.mapping(), lookupPath, request);
        return best.handler();
    }

    /**
     * The mappings whose literal prefix the path starts with. A prefix ends where its pattern has a '/' next (or is the
     * whole pattern), so a path can only match if the prefix is the path itself or the path up to one of its '/': those
     * are the only keys looked up. A mapping with several prefixes that fit is evaluated once.
     */
    private void addMatchesByPrefix(Map<String, List<Candidate>> byPrefix, String lookupPath, PathContainer path,
                                    HttpServletRequest request, List<Matched> matches) {
        List<Candidate> seen = null;
        for (int end = lookupPath.indexOf('/'); ; end = lookupPath.indexOf('/', end + 1)) {
            List<Candidate> candidates = byPrefix.get(end < 0 ? lookupPath : lookupPath.substring(0, end));
            if (candidates != null) {
                for (Candidate c : candidates) {
                    if (c.prefixes().length > 1) {
                        if (seen == null) {
                            seen = new ArrayList<>(2);
                        } else if (seen.stream().anyMatch(other -> other == c)) {
                            continue;
                        }
                        seen.add(c);
                    }
                    addMatch(c, path, request, matches);
                }
            }
            if (end < 0) {
                return;
            }
        }
    }

    private void addMatches(List<Candidate> candidates, PathContainer path, HttpServletRequest request, List<Matched> matches) {
        for (Candidate c : candidates) {
            addMatch(c, path, request, matches);
        }
    }

    /** Cheapest test first: Spring's full evaluation (methods, params, headers, media types, path) only if the path matches. */
    private void addMatch(Candidate c, PathContainer path, HttpServletRequest request, List<Matched> matches) {
        if (!c.pathMatches(path)) {
            return;
        }
        RequestMappingInfo match = getMatchingMapping(c.mapping(), request);
        if (match != null) {
            matches.add(new Matched(match, c.handler()));
        }
    }

    /** The literal start of each of the mapping's patterns; {@code [""]} (anything) when it has no path patterns. */
    static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        Set<PathPattern> patterns = condition == null ? Set.of() : condition.getPatterns();
        if (patterns.isEmpty()) {
            return new String[] {""};
        }
        return patterns.stream().map(p -> literalPrefix(p.getPatternString())).toArray(String[]::new);
    }

    /**
     * Up to, not including, the last '/' before the first variable, wildcard or escape: {@code /portal/**} also
     * matches {@code /portal}, so its prefix is {@code /portal}. A pattern without any is its own prefix.
     */
    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                return pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', i)));
            }
        }
        return pattern;
    }
}
