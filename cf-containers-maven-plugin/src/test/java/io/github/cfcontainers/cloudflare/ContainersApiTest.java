// Over 300 lines: one test per containers endpoint the client calls, each against MockWebServer.
package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.ApplicationConstraints;
import io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest;
import io.github.cfcontainers.cloudflare.model.ApplicationPatchRequest;
import io.github.cfcontainers.cloudflare.model.ContainerInstance;
import io.github.cfcontainers.cloudflare.model.ContainersAccount;
import io.github.cfcontainers.cloudflare.model.DurableObjectsRef;
import io.github.cfcontainers.cloudflare.model.RegistryCredentials;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.cloudflare.model.RolloutCreateRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainersApiTest extends ApiTestSupport {

  private static final String IMAGE =
      "registry.cloudflare.com/"
          + ACCOUNT
          + "/my-app@sha256:"
          + "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";
  private static final String APP =
      """
      {"id":"a1b2c3d4-0000-4000-8000-000000000001","name":"my-worker-mycontainer","version":2,
       "created_at":"2026-11-29T22:00:00Z","account_id":"%s","scheduling_policy":"default",
       "instances":0,"max_instances":20,
       "configuration":{"image":"%s","instance_type":"lite","observability":{"logs":{"enabled":true}},
                "memory":"256MB","ssh":{"enabled":false}},
       "constraints":{"tiers":[1,2],"regions":["ENAM","WEUR"]},
       "durable_objects":{"namespace_id":"0000aaaa1111bbbb2222cccc3333dddd"},
       "active_rollout_id":"r-1",
       "health":{"instances":{"active":1,"healthy":1,"failed":0,"starting":0,"scheduling":0}},
       "rollout_active_grace_period":0}
      """
          .formatted(ACCOUNT, IMAGE);

  @Test
  void containersMeGivesLimits() throws Exception {
    enqueue(
        ok(
            """
        {"account_id":"%s","limits":{"vcpu_per_deployment":4,"memory_mib_per_deployment":12288,
          "disk_mb_per_deployment":20000,"total_vcpu":40,"total_memory_mib":409600,"total_disk_mb":2000000,
          "node_group":"metal"},"locations":[]}
        """
                .formatted(ACCOUNT)));
    ContainersAccount me = api.getContainersAccount();
    assertThat(me.limits().vcpuPerDeployment()).isEqualTo(4.0);
    assertThat(me.limits().memoryMibPerDeployment()).isEqualTo(12288L);
    assertThat(me.limits().diskMbPerDeployment()).isEqualTo(20000L);
    assertThat(me.limits().totalVcpu()).isEqualTo(40.0);
    expect("GET", A + "/containers/me", null);
  }

  /** The answer's locations are objects (CompleteAccountLocationCustomer), not names. */
  @Test
  void containersMeWithLocationObjectsAndNoLimitFieldsIsRead() throws Exception {
    enqueue(
        ok(
            """
        {"external_account_id":"%s","limits":{},"locations":[{"location":"ENAM","region":"ENAM",
          "limits":{"vcpu_per_deployment":4}}],"defaults":{}}
        """
                .formatted(ACCOUNT)));
    ContainersAccount me = api.getContainersAccount();
    assertThat(me.locations()).hasSize(1);
    assertThat(me.limits().totalVcpu()).isNull();
    assertThat(me.limits().vcpuPerDeployment()).isNull();
  }

  @Test
  void registriesListGivesTheDomains() throws Exception {
    enqueue(
        ok(
            """
        [{"domain":"123456789012.dkr.ecr.us-east-1.amazonaws.com","kind":"ECR","created_at":"2026-01-01T00:00:00Z"},
         {"domain":"docker.io","public_key":"AAAA","created_at":"2026-01-02T00:00:00Z"}]
        """));
    assertThat(api.listImageRegistryDomains())
        .contains(List.of("123456789012.dkr.ecr.us-east-1.amazonaws.com", "docker.io"));
    expect("GET", A + "/containers/registries", null);
  }

  @Test
  void registriesListOfBareDomainsIsReadToo() throws Exception {
    enqueue(ok("[\"docker.io\"]"), ok("[]"));
    assertThat(api.listImageRegistryDomains()).contains(List.of("docker.io"));
    assertThat(api.listImageRegistryDomains()).contains(List.of());
  }

  @Test
  void registriesListOfAnotherShapeIsUnknown() throws Exception {
    enqueue(ok("{\"registries\":[]}"), ok("[{\"host\":\"docker.io\"}]"), ok("null"));
    assertThat(api.listImageRegistryDomains()).isEmpty();
    assertThat(api.listImageRegistryDomains()).isEmpty();
    assertThat(api.listImageRegistryDomains()).isEmpty();
  }

  @Test
  void registryCredentials() throws Exception {
    enqueue(
        ok(
            """
        {"account_id":"%s","registry_host":"registry.cloudflare.com","username":"v1","password":"pw-XYZ"}
        """
                .formatted(ACCOUNT)));
    RegistryCredentials c = api.createPushCredentials("registry.cloudflare.com", 15);
    assertThat(c.username()).isEqualTo("v1");
    assertThat(c.password()).isEqualTo("pw-XYZ");
    assertThat(c.registryHost()).isEqualTo("registry.cloudflare.com");
    assertThat(c.toString()).doesNotContain("pw-XYZ");
    expect(
        "POST",
        A + "/containers/registries/registry.cloudflare.com/credentials",
        "{\"expiration_minutes\": 15, \"permissions\": [\"push\",\"pull\"]}");
  }

  @Test
  void registryCredentialsForALoopbackRegistryWithPort() throws Exception {
    enqueue(ok("{\"username\":\"v1\",\"password\":\"p\"}"));
    api.createRegistryCredentials("127.0.0.1:5000", 60, List.of("pull"));
    expect(
        "POST",
        A + "/containers/registries/127.0.0.1:5000/credentials",
        "{\"expiration_minutes\": 60, \"permissions\": [\"pull\"]}");
  }

  @Test
  void listApplicationsAndFindByName() throws Exception {
    enqueue(
        ok("[" + APP + "]"),
        ok("[" + APP + "]"),
        ok("[" + APP.replace("my-worker-mycontainer", "my-worker-mycontainer-2") + "]"));
    List<Application> all = api.listApplications();
    assertThat(all).hasSize(1);
    Application a = all.get(0);
    assertThat(a.id()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000001");
    assertThat(a.version()).isEqualTo(2);
    assertThat(a.instances()).isZero();
    assertThat(a.maxInstances()).isEqualTo(20);
    assertThat(a.configuration().image()).isEqualTo(IMAGE);
    assertThat(a.configuration().instanceType()).isEqualTo("lite");
    assertThat(a.configuration().observability().logs().enabled()).isTrue();
    assertThat(a.constraints().tiers()).containsExactly(1, 2);
    assertThat(a.constraints().regions()).containsExactly("ENAM", "WEUR");
    assertThat(a.namespaceId()).isEqualTo("0000aaaa1111bbbb2222cccc3333dddd");
    assertThat(a.activeRolloutId()).isEqualTo("r-1");
    assertThat(a.health().instances().healthy()).isEqualTo(1);

    assertThat(api.findApplicationByName("my-worker-mycontainer"))
        .map(Application::id)
        .contains("a1b2c3d4-0000-4000-8000-000000000001");
    // the filter may be a prefix/substring match on the server: only exact names count
    assertThat(api.findApplicationByName("my-worker-mycontainer")).isEmpty();

    expect("GET", A + "/containers/applications", null);
    expect("GET", A + "/containers/applications?name=my-worker-mycontainer", null);
    expect("GET", A + "/containers/applications?name=my-worker-mycontainer", null);
  }

  @Test
  void getAndFindApplication() throws Exception {
    enqueue(ok(APP), error(404, 1000, "{\"error\":\"APPLICATION_NOT_FOUND\"}"));
    assertThat(api.findApplication("a1b2").orElseThrow().name()).isEqualTo("my-worker-mycontainer");
    assertThat(api.findApplication("gone")).isEmpty();
    expect("GET", A + "/containers/applications/a1b2", null);
    expect("GET", A + "/containers/applications/gone", null);
  }

  @Test
  void createApplicationWithNamedInstanceType() throws Exception {
    enqueue(ok(APP));
    Application created =
        api.createApplication(
            new ApplicationCreateRequest(
                "my-worker-mycontainer",
                "default",
                0,
                20,
                ApplicationConfiguration.ofInstanceType(IMAGE, "lite", true),
                new ApplicationConstraints(List.of(1, 2), List.of("ENAM"), "eu"),
                new DurableObjectsRef("0000aaaa1111bbbb2222cccc3333dddd"),
                0));
    assertThat(created.id()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000001");
    expect(
        "POST",
        A + "/containers/applications",
        """
        {
          "name": "my-worker-mycontainer",
          "scheduling_policy": "default",
          "instances": 0,
          "max_instances": 20,
          "configuration": {
          "image": "%s",
          "instance_type": "lite",
          "observability": {"logs": {"enabled": true}}
          },
          "constraints": {"tiers": [1,2], "regions": ["ENAM"], "jurisdiction": "eu"},
          "durable_objects": {"namespace_id": "0000aaaa1111bbbb2222cccc3333dddd"},
          "rollout_active_grace_period": 0
        }
        """
            .formatted(IMAGE));
  }

  @Test
  void createApplicationWithCustomSizeOmitsAbsentFields() throws Exception {
    enqueue(ok(APP));
    api.createApplication(
        new ApplicationCreateRequest(
            "app",
            "regional",
            0,
            3,
            ApplicationConfiguration.custom(IMAGE, 1, 4096, 8000, null),
            null,
            new DurableObjectsRef("0000aaaa1111bbbb2222cccc3333dddd"),
            null));
    expect(
        "POST",
        A + "/containers/applications",
        """
        {"name":"app","scheduling_policy":"regional","instances":0,"max_instances":3,
         "configuration":{"image":"%s","vcpu":1.0,"memory_mib":4096,"disk":{"size_mb":8000}},
         "durable_objects":{"namespace_id":"0000aaaa1111bbbb2222cccc3333dddd"}}
        """
            .formatted(IMAGE));
  }

  @Test
  void patchApplication() throws Exception {
    enqueue(ok(APP));
    api.patchApplication(
        "a1b2",
        new ApplicationPatchRequest(
            ApplicationConfiguration.ofInstanceType(IMAGE, "basic", false),
            5,
            null,
            "default",
            30));
    expect(
        "PATCH",
        A + "/containers/applications/a1b2",
        """
        {"configuration":{"image":"%s","instance_type":"basic","observability":{"logs":{"enabled":false}}},
         "max_instances":5,"scheduling_policy":"default","rollout_active_grace_period":30}
        """
            .formatted(IMAGE));
  }

  @Test
  void deleteApplication() throws Exception {
    enqueue(ok("{}"), error(404, 1000, "{\"error\":\"APPLICATION_NOT_FOUND\",\"details\":{}}"));
    assertThat(api.deleteApplication("a1b2")).isTrue();
    assertThat(api.deleteApplication("a1b2")).isFalse();
    expect("DELETE", A + "/containers/applications/a1b2", null);
    expect("DELETE", A + "/containers/applications/a1b2", null);
  }

  @Test
  void createRolloutWithStepPercentage() throws Exception {
    enqueue(
        ok(
            """
        {"id":"r-2","created_at":"2026-11-29T22:01:00Z","last_updated_at":"2026-11-29T22:01:00Z",
         "description":"image update","status":"pending","kind":"full_auto","strategy":"rolling",
         "current_version":{"version":2},"target_version":{"version":3},
         "progress":{"total_steps":4,"current_step":0,"updated_instances":0,"total_instances":1}}
        """));
    Rollout r =
        api.createRollout(
            "a1b2",
            RolloutCreateRequest.rolling(
                "image update", 25, ApplicationConfiguration.ofInstanceType(IMAGE, "lite", true)));
    assertThat(r.id()).isEqualTo("r-2");
    assertThat(r.status()).isEqualTo("pending");
    assertThat(r.isFinished()).isFalse();
    assertThat(r.progress().totalSteps()).isEqualTo(4);
    assertThat(r.targetVersion().get("version").asInt()).isEqualTo(3);
    expect(
        "POST",
        A + "/containers/applications/a1b2/rollouts",
        """
        {"description": "image update", "strategy": "rolling", "kind": "full_auto", "step_percentage": 25,
         "target_configuration": {"image":"%s","instance_type":"lite","observability":{"logs":{"enabled":true}}}}
        """
            .formatted(IMAGE));
  }

  @Test
  void createRolloutWithSteps() throws Exception {
    enqueue(ok("{\"id\":\"r-3\",\"status\":\"progressing\"}"));
    api.createRollout(
        "a1b2",
        new RolloutCreateRequest(
            "canary",
            "rolling",
            "full_auto",
            null,
            List.of(
                RolloutCreateRequest.Step.percentage(10, "canary"),
                RolloutCreateRequest.Step.percentage(100, "rest")),
            ApplicationConfiguration.ofInstanceType(IMAGE, "lite", null)));
    expect(
        "POST",
        A + "/containers/applications/a1b2/rollouts",
        """
        {"description":"canary","strategy":"rolling","kind":"full_auto",
         "steps":[{"step_size":{"percentage":10},"description":"canary"},
              {"step_size":{"percentage":100},"description":"rest"}],
         "target_configuration":{"image":"%s","instance_type":"lite"}}
        """
            .formatted(IMAGE));
  }

  @Test
  void listAndGetRollouts() throws Exception {
    enqueue(
        ok(
            "[{\"id\":\"r-1\",\"status\":\"completed\"},{\"id\":\"r-2\",\"status\":\"progressing\"}]"),
        ok("{\"id\":\"r-2\",\"status\":\"replaced\"}"));
    List<Rollout> rollouts = api.listRollouts("a1b2");
    assertThat(rollouts).extracting(Rollout::id).containsExactly("r-1", "r-2");
    assertThat(rollouts.get(0).isFinished()).isTrue();
    assertThat(api.getRollout("a1b2", "r-2").isFinished()).isTrue();
    expect("GET", A + "/containers/applications/a1b2/rollouts", null);
    expect("GET", A + "/containers/applications/a1b2/rollouts/r-2", null);
  }

  @Test
  void instancesArePagedByPageToken() throws Exception {
    enqueue(
        json(
            200,
            """
        {"success":true,"errors":[],"messages":[],
         "result":[{"id":"i-1","created_at":"2026-11-29T22:00:00Z","location":"ENAM","app_version":2,
              "durable_object_id":"do1","state":{"current":"running"}}],
         "result_info":{"next_page_token":"tok-2"}}
        """),
        json(
            200,
            """
        {"success":true,"errors":[],"messages":[],
         "result":{"instances":[{"id":"i-2","location":"WEUR"}],"next_page_token":null},
         "result_info":{}}
        """));
    List<ContainerInstance> all = api.listInstances("a1b2");
    assertThat(all).extracting(ContainerInstance::id).containsExactly("i-1", "i-2");
    assertThat(all.get(0).appVersion()).isEqualTo(2);
    assertThat(all.get(0).state().get("current").asText()).isEqualTo("running");
    expect("GET", A + "/containers/applications/a1b2/instances-v2", null);
    expect("GET", A + "/containers/applications/a1b2/instances-v2?page_token=tok-2", null);
  }
}
