package dev.inkan.adapter.web;

/**
 * Response body of the requests that may mail something and must not tell whether an account is
 * behind an address: the same bytes whatever happened.
 */
record AcceptedResponse(String status, String detail) {

    /** Registration, when addresses must be verified: for a new and a taken address alike. */
    static final AcceptedResponse REGISTRATION = new AcceptedResponse("accepted",
            "check your inbox: we sent a message to this address");
    /** A password reset, or a new verification link, asked for by address. */
    static final AcceptedResponse MAIL_REQUEST = new AcceptedResponse("accepted",
            "if this address belongs to an account that can use it, a message is on its way");
    /** A change of address: a link goes to the new one. */
    static final AcceptedResponse EMAIL_CHANGE = new AcceptedResponse("accepted",
            "check the new address's inbox: the change happens when its link is used");
}
