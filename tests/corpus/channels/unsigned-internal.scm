;; guix-differential: kind channels
;; A channel without an introduction (an unsigned, internal channel), after Guix.
(append %default-channels
        (list (channel
               (name 'internal)
               (url "file:///srv/git/internal-channel.git")
               (branch "main"))))
