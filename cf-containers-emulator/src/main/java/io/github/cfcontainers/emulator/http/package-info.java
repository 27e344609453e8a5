/**
 * HTTP plumbing: the one front door on the JDK server (injected faults, request log, dispatch to
 * the API, admin or traffic side), routing by path template, bearer-token auth, requests, answers
 * in the v4 envelope and their errors, multipart parsing. Depends on no other emulator package.
 */
package io.github.cfcontainers.emulator.http;
