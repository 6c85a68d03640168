;; guix-differential: kind channels
;; ~/.config/guix/channels.scm: the default channels plus a third-party channel with its introduction.
(cons (channel
       (name 'extra)
       (url "https://git.example.org/extra-channel.git")
       (branch "master")
       (introduction
        (make-channel-introduction
         "897c1a470da759236cc11798f4e0a5f7d4d59fbc"
         (openpgp-fingerprint
          "2A39 3FFF 68F4 EF7A 3D29  12AF 6F51 20A0 22FB B2D5"))))
      %default-channels)
