def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
support.copyWorker(basedir, new File(itLib))
support.copyHttpdDockerfile(basedir, new File(itLib))
support.startEmulator(basedir, true)
return true
