/**
 * What every layer shares and nothing else: the failure base ({@link CfException}), failures that
 * name the setting to fix ({@link Setting}, {@link InvalidSettingException}), the {@link Reporter}
 * port the services write progress to, and the JSON result files CI reads ({@link ResultFiles}).
 * Depends on no other package of the plugin.
 */
package io.github.cfcontainers.common;
