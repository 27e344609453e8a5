// Runs after generation: archetype resources lose their file modes, so make the scripts
// executable again. Touches nothing outside the generated project; no network, no Maven.
def projectDir = new File(request.outputDirectory, request.artifactId)
new File(projectDir, "bench").eachFileMatch(~/.*\.sh/) { it.setExecutable(true, false) }
