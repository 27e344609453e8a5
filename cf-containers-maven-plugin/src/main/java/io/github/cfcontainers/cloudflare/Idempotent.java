package io.github.cfcontainers.cloudflare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Retrofit method whose effect is the same when repeated although its HTTP method (POST) is
 * not idempotent by definition, so the retry layer may treat it like a GET/PUT/DELETE (e.g. asking
 * for registry credentials, switching the workers.dev route on).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Idempotent {}
