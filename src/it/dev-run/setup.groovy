// A free loopback port for this run, so parallel ITs and a developer's own cf:dev do not collide.
def socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
def port = socket.localPort
socket.close()
new File(basedir, "dev-port.txt").text = port.toString()
return true
