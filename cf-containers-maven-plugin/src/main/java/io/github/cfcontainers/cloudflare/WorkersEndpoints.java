package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.ScriptSettings;
import io.github.cfcontainers.cloudflare.model.ScriptSubdomain;
import io.github.cfcontainers.cloudflare.model.ScriptSummary;
import io.github.cfcontainers.cloudflare.model.ScriptUploadResult;
import io.github.cfcontainers.cloudflare.model.WorkerService;
import java.util.List;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** Retrofit mapping of the Workers endpoints (implementation detail of {@link CloudflareApi}). */
interface WorkersEndpoints {

  @PUT("accounts/{account_id}/workers/scripts/{script_name}")
  Call<ApiEnvelope<ScriptUploadResult>> uploadScript(
      @Path("account_id") String accountId,
      @Path("script_name") String scriptName,
      @Body RequestBody multipart);

  @GET("accounts/{account_id}/workers/services/{script_name}")
  Call<ApiEnvelope<WorkerService>> getService(
      @Path("account_id") String accountId, @Path("script_name") String scriptName);

  @GET("accounts/{account_id}/workers/scripts")
  Call<ApiEnvelope<List<ScriptSummary>>> listScripts(@Path("account_id") String accountId);

  @GET("accounts/{account_id}/workers/scripts/{script_name}/settings")
  Call<ApiEnvelope<ScriptSettings>> getScriptSettings(
      @Path("account_id") String accountId, @Path("script_name") String scriptName);

  @DELETE("accounts/{account_id}/workers/scripts/{script_name}")
  Call<ApiEnvelope<JsonNode>> deleteScript(
      @Path("account_id") String accountId,
      @Path("script_name") String scriptName,
      @Query("force") Boolean force);

  @GET("accounts/{account_id}/workers/durable_objects/namespaces")
  Call<ApiEnvelope<List<DurableObjectNamespace>>> listDurableObjectNamespaces(
      @Path("account_id") String accountId,
      @Query("per_page") int perPage,
      @Query("page") Integer page);

  @GET("accounts/{account_id}/workers/subdomain")
  Call<ApiEnvelope<JsonNode>> getAccountSubdomain(@Path("account_id") String accountId);

  @GET("accounts/{account_id}/workers/scripts/{script_name}/subdomain")
  Call<ApiEnvelope<ScriptSubdomain>> getScriptSubdomain(
      @Path("account_id") String accountId, @Path("script_name") String scriptName);

  @Idempotent
  @POST("accounts/{account_id}/workers/scripts/{script_name}/subdomain")
  Call<ApiEnvelope<ScriptSubdomain>> setScriptSubdomain(
      @Path("account_id") String accountId,
      @Path("script_name") String scriptName,
      @Body ScriptSubdomain body);

  @GET("accounts/{account_id}/workers/scripts/{script_name}/deployments")
  Call<ApiEnvelope<JsonNode>> listDeployments(
      @Path("account_id") String accountId, @Path("script_name") String scriptName);
}
