def log = new File(basedir, "build.log").text
assert log.contains("No Docker engine answered at unix:///tmp/cf-containers-it-no-such-engine.sock")
assert log.contains("or set DOCKER_HOST")
return true
