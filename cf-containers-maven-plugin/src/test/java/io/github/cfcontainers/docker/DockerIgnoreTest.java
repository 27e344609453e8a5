package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected outcomes follow the Docker CLI's documented .dockerignore behaviour. */
class DockerIgnoreTest {

  private static DockerIgnore ignore(String... lines) {
    return DockerIgnore.parse(List.of(lines));
  }

  @Test
  void plainNamesMatchAtTheRootOnly() {
    var ignore = ignore("secret.txt");
    assertThat(ignore.isIgnored("secret.txt")).isTrue();
    assertThat(ignore.isIgnored("sub/secret.txt")).isFalse();
  }

  @Test
  void aMatchedDirectoryTakesEverythingBelowIt() {
    var ignore = ignore("logs", "target/");
    assertThat(ignore.isIgnored("logs")).isTrue();
    assertThat(ignore.isIgnored("logs/a/b.log")).isTrue();
    assertThat(ignore.isIgnored("target/x.jar")).isTrue();
    assertThat(ignore.isIgnored("logsx")).isFalse();
  }

  @Test
  void singleStarStopsAtSlashAndDoubleStarSpansDirectories() {
    var ignore = ignore("*/temp*", "**/*.tmp", "sub/**/cache");
    assertThat(ignore.isIgnored("a/temporary.txt")).isTrue();
    assertThat(ignore.isIgnored("a/b/temporary.txt")).isFalse();
    assertThat(ignore.isIgnored("x.tmp")).isTrue();
    assertThat(ignore.isIgnored("a/b/c/x.tmp")).isTrue();
    // docker-java gets these two wrong; the CLI does not.
    assertThat(ignore.isIgnored("sub/cache")).isTrue();
    assertThat(ignore.isIgnored("sub/a/b/cache/file")).isTrue();
  }

  @Test
  void lastMatchWinsAndBangReincludes() {
    var ignore = ignore("*.md", "!README.md", "README*.md");
    assertThat(ignore.isIgnored("CHANGES.md")).isTrue();
    assertThat(ignore.isIgnored("README.md")).isTrue();

    var reinclude = ignore("docs", "!docs/keep.md");
    assertThat(reinclude.isIgnored("docs/other.md")).isTrue();
    assertThat(reinclude.isIgnored("docs/keep.md")).isFalse();
    assertThat(reinclude.hasExclusions()).isTrue();
  }

  @Test
  void commentsBlankLinesAndPathNoiseAreHandled() {
    var ignore =
        ignore(
            "# a comment", "", "  ./build/../out//  ", "/abs.txt", "?.log", "[ab].txt", "[!c].bin");
    assertThat(ignore.isIgnored("out/x")).isTrue();
    assertThat(ignore.isIgnored("abs.txt")).isTrue();
    assertThat(ignore.isIgnored("a.log")).isTrue();
    assertThat(ignore.isIgnored("ab.log")).isFalse();
    assertThat(ignore.isIgnored("b.txt")).isTrue();
    assertThat(ignore.isIgnored("c.txt")).isFalse();
    assertThat(ignore.isIgnored("d.bin")).isTrue();
    assertThat(ignore.isIgnored("c.bin")).isFalse();
    assertThat(ignore.isIgnored("# a comment")).isFalse();
  }

  @Test
  void regexCharactersInNamesAreLiteral() {
    var ignore = ignore("a+b(1).txt");
    assertThat(ignore.isIgnored("a+b(1).txt")).isTrue();
    assertThat(ignore.isIgnored("aab(1).txt")).isFalse();
  }
}
