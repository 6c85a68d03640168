;;; (gnu image): the description of a system image (what `guix system image` builds).
;;;
;;; Field names and defaults follow upstream Guix's <image> record, limited to what vbmc's
;;; image stage reads; the (type ...) annotations are vbmc's.  The size is in bytes; 'guess
;;; lets the image builder choose from the content, as upstream.

(define-module (gnu image)
  #:export (<image>
            image
            make-image
            image?
            image-name
            image-format
            image-platform
            image-size
            image-operating-system
            image-partition-table-type
            image-partitions
            image-compression?
            image-volatile-root?
            image-shared-store?
            image-shared-network?
            image-substitutable?))

(define-record-type* <image>
  image make-image
  image?
  this-image
  (name               image-name
                      (default #f)
                      (type (maybe symbol)))
  ;; Upstream's formats: disk-image, compressed-qcow2, docker, iso9660, tarball, wsl2.
  (format             image-format
                      (type (one-of 'disk-image 'compressed-qcow2 'docker 'iso9660 'tarball 'wsl2)))
  (platform           image-platform
                      (default #f)
                      (type any))
  (size               image-size
                      (default 'guess)
                      (type (or positive (one-of 'guess))))
  (operating-system   image-operating-system
                      (type any))
  (partition-table-type image-partition-table-type
                      (default 'mbr)
                      (type (one-of 'mbr 'gpt)))
  (partitions         image-partitions
                      (default '())
                      (type list))
  (compression?       image-compression?
                      (default #t)
                      (type boolean))
  (volatile-root?     image-volatile-root?
                      (default #t)
                      (type boolean))
  (shared-store?      image-shared-store?
                      (default #f)
                      (type boolean))
  (shared-network?    image-shared-network?
                      (default #f)
                      (type boolean))
  (substitutable?     image-substitutable?
                      (default #t)
                      (type boolean)))
