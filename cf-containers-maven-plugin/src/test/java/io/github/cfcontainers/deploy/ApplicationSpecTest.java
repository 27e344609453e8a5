package io.github.cfcontainers.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;

class ApplicationSpecTest {

  @Test
  void equalSpecsHashAlikeAndAMapFindsAnEqualCopy() {
    var one = TestSpecs.application("Web", "app-web", "WEB", "registry.example/web:1", 2);
    var copy = TestSpecs.application("Web", "app-web", "WEB", "registry.example/web:1", 2);
    var map = new HashMap<ApplicationSpec, String>();
    map.put(one, "planned");

    assertThat(copy).isEqualTo(one).hasSameHashCodeAs(one);
    assertThat(map).containsEntry(copy, "planned");
  }

  @Test
  void specsThatDifferOnlyBeyondTheNameStayDifferentKeys() {
    // Same name, so the same hash: equals still tells them apart.
    var two = TestSpecs.application("Web", "app-web", "WEB", "registry.example/web:1", 2);
    var five = TestSpecs.application("Web", "app-web", "WEB", "registry.example/web:1", 5);
    var map = new HashMap<ApplicationSpec, String>();
    map.put(two, "two");
    map.put(five, "five");

    assertThat(two).isNotEqualTo(five);
    assertThat(map).hasSize(2).containsEntry(two, "two").containsEntry(five, "five");
  }
}
