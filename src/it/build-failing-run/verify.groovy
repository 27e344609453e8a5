def log = new File(basedir, "build.log").text
assert log.contains("The image build of FailingContainer (it-failing-run-failingcontainer) failed")
assert log.contains("returned a non-zero code: 3")
assert log.contains("Output of the failing step:")
assert log =~ /Step 4\/\d+ : RUN/
assert log.contains(": RUN echo \"the failing step explains itself\" && exit 3")
// The failing step's own output is shown without -Dcf.verbose ...
assert log.contains("  the failing step explains itself")
// ... and the output of earlier steps is not, except in the transcript.
assert !log.contains("  earlier step output")
def transcript = new File(basedir, "target/cf-containers/it-failing-run-failingcontainer-build.log").text
assert transcript.contains("earlier step output")
assert !new File(basedir, "target/cf-containers/build.json").exists()
return true
