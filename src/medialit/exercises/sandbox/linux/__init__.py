"""The Linux layers: namespaces, a private root, Landlock and seccomp, through ``ctypes``."""
