package dev.inkan.token;

/** The reference meets the contract too, so that agreeing with it means something. */
class JacksonReferenceTest extends JsonContract {

    @Override
    JsonCodec codec() {
        return new JacksonReference();
    }
}
