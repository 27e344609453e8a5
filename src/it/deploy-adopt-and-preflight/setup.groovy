def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
support.startEmulator(basedir, false)
return true
