;; guix-differential: kind channels
;; A channels file pinned to one Guix commit, for a reproducible `guix time-machine'.
(list (channel
       (name 'guix)
       (url "https://git.guix.gnu.org/guix.git")
       (commit "4f09e5e8a2a2d3e7c8d2c9e3b1b6a4f7c0e5d2a1")
       (introduction
        (make-channel-introduction
         "9edb3f66fd807b096b48283debdcddccfea34bad"
         (openpgp-fingerprint
          "BBB0 2DDF 2CEA F6A8 0D1D  E643 A2A0 6DF2 A33A 54FA")))))
