package io.kubeclient.watch;

import java.io.IOException;

/** Raised inside the watch stream when one frame grows beyond the decoder's limit. */
final class FrameTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    FrameTooLargeException(long limit) {
        super("object to decode was longer than maximum allowed size of " + limit + " bytes");
    }
}
