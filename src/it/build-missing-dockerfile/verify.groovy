def log = new File(basedir, "build.log").text
def expectedPath = new File(basedir, "docker/Dockerfile.prod").canonicalPath
assert log.contains("No Dockerfile at ${expectedPath} for MissingContainer (it-missing-dockerfile-missingcontainer)")
assert log.contains("Setting: <containers><container><build><dockerfile> of container MissingContainer")
assert log.contains("Fix: fix <dockerfile>: it is resolved against the build context")
assert !log.contains("Using Docker") : "the configuration is checked before the engine is used"
return true
