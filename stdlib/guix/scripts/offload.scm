;;; (guix scripts offload): the build machines of an offload machines file.
;;;
;;; A machines file (/etc/guix/machines.scm) evaluates to a list of build-machine records;
;;; guix-daemon offloads builds to them over SSH. Fields, their order and their defaults follow
;;; upstream Guix; the (type ...) annotations are vbmc's, so that `vbmc check` finds mistakes
;;; before the daemon does.

(define-module (guix scripts offload)
  #:export (<build-machine>
            build-machine
            make-build-machine
            build-machine?
            build-machine-name
            build-machine-port
            build-machine-systems
            build-machine-system
            build-machine-user
            build-machine-private-key
            build-machine-host-key
            build-machine-compression
            build-machine-compression-level
            build-machine-daemon-socket
            build-machine-overload-threshold
            build-machine-parallel-builds
            build-machine-speed
            build-machine-features))

(define-record-type* <build-machine>
  build-machine make-build-machine
  build-machine?
  this-build-machine
  (name               build-machine-name
                      (type non-empty-string))
  (port               build-machine-port
                      (default 22)
                      (type port))
  ;; Upstream stores #f here by default and its build-machine-systems procedure falls back to
  ;; (list system) for files written before 'systems' existed.  vbmc makes the fallback the
  ;; field's thunked default instead, so that the record itself holds the effective list
  ;; (what `vbmc eval --json` shows and what later stages read).  With neither field given the
  ;; value stays #f, as upstream, and is warned about (no build can be sent there).  Unknown
  ;; system types are only warned about: Guix accepts any string, and a new architecture must
  ;; not need a vbmc release.  Anything but a list (or that #f) is an error.
  (systems            build-machine-systems
                      (default (let ((system (build-machine-system this-build-machine)))
                                 (and system (list system))))
                      (thunked)
                      (type (or (list-of (warn-unless known-system-type?
                                                      "a known system type"))
                                (warn-if #f "a list of systems (neither 'systems' nor 'system' is set)"))))
  (system             build-machine-system
                      (default #f)
                      (type (maybe string))
                      (deprecated "The 'system' field is deprecated, please use 'systems' instead."))
  (user               build-machine-user
                      (type non-empty-string))
  ;; Upstream's default is $HOME/.ssh/id_rsa, read when the file is loaded.  vbmc is pure and
  ;; reads no environment, so it uses the value that default has where it matters: guix
  ;; offload runs as root, started by guix-daemon, whose HOME is /root.
  (private-key        build-machine-private-key
                      (default "/root/.ssh/id_rsa")
                      (type non-empty-string))
  (host-key           build-machine-host-key
                      (type (predicate openssh-public-key? "an OpenSSH public key")))
  (compression        build-machine-compression
                      (default "zlib@openssh.com,zlib")
                      (type string))
  ;; libssh's zlib levels.
  (compression-level  build-machine-compression-level
                      (default 3)
                      (type (integer-in 1 9)))
  (daemon-socket      build-machine-daemon-socket
                      (default "/var/guix/daemon-socket/socket")
                      (type non-empty-string))
  ;; #f tells the offload scheduler to disregard the machine's load.
  (overload-threshold build-machine-overload-threshold
                      (default 0.8)
                      (type (maybe real)))
  (parallel-builds    build-machine-parallel-builds
                      (default 1)
                      (type positive))
  (speed              build-machine-speed
                      (default 1.0)
                      (type real))
  (features           build-machine-features
                      (default '())
                      (type (list-of string))))
