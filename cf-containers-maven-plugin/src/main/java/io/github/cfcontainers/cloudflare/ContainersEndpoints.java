package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest;
import io.github.cfcontainers.cloudflare.model.ApplicationPatchRequest;
import io.github.cfcontainers.cloudflare.model.ContainersAccount;
import io.github.cfcontainers.cloudflare.model.RegistryCredentials;
import io.github.cfcontainers.cloudflare.model.RegistryCredentialsRequest;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.cloudflare.model.RolloutCreateRequest;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Retrofit mapping of the Containers and registry endpoints (implementation detail of {@link
 * CloudflareApi}).
 */
interface ContainersEndpoints {

  @GET("accounts/{account_id}/containers/me")
  Call<ApiEnvelope<ContainersAccount>> me(@Path("account_id") String accountId);

  /** wrangler's {@code containers registries list} (ImageRegistriesService.listImageRegistries). */
  @GET("accounts/{account_id}/containers/registries")
  Call<ApiEnvelope<JsonNode>> listRegistries(@Path("account_id") String accountId);

  /** Asking twice only yields two valid credentials: safe to retry. */
  @Idempotent
  @POST("accounts/{account_id}/containers/registries/{registry_host}/credentials")
  Call<ApiEnvelope<RegistryCredentials>> registryCredentials(
      @Path("account_id") String accountId,
      @Path("registry_host") String registryHost,
      @Body RegistryCredentialsRequest body);

  @GET("accounts/{account_id}/containers/applications")
  Call<ApiEnvelope<List<Application>>> listApplications(
      @Path("account_id") String accountId, @Query("name") String name);

  @GET("accounts/{account_id}/containers/applications/{application_id}")
  Call<ApiEnvelope<Application>> getApplication(
      @Path("account_id") String accountId, @Path("application_id") String applicationId);

  @POST("accounts/{account_id}/containers/applications")
  Call<ApiEnvelope<Application>> createApplication(
      @Path("account_id") String accountId, @Body ApplicationCreateRequest body);

  @PATCH("accounts/{account_id}/containers/applications/{application_id}")
  Call<ApiEnvelope<Application>> patchApplication(
      @Path("account_id") String accountId,
      @Path("application_id") String applicationId,
      @Body ApplicationPatchRequest body);

  @DELETE("accounts/{account_id}/containers/applications/{application_id}")
  Call<ApiEnvelope<JsonNode>> deleteApplication(
      @Path("account_id") String accountId, @Path("application_id") String applicationId);

  @POST("accounts/{account_id}/containers/applications/{application_id}/rollouts")
  Call<ApiEnvelope<Rollout>> createRollout(
      @Path("account_id") String accountId,
      @Path("application_id") String applicationId,
      @Body RolloutCreateRequest body);

  @GET("accounts/{account_id}/containers/applications/{application_id}/rollouts")
  Call<ApiEnvelope<List<Rollout>>> listRollouts(
      @Path("account_id") String accountId, @Path("application_id") String applicationId);

  @GET("accounts/{account_id}/containers/applications/{application_id}/rollouts/{rollout_id}")
  Call<ApiEnvelope<Rollout>> getRollout(
      @Path("account_id") String accountId,
      @Path("application_id") String applicationId,
      @Path("rollout_id") String rolloutId);

  @GET("accounts/{account_id}/containers/applications/{application_id}/instances-v2")
  Call<ApiEnvelope<JsonNode>> listInstances(
      @Path("account_id") String accountId,
      @Path("application_id") String applicationId,
      @Query("page_token") String pageToken);
}
