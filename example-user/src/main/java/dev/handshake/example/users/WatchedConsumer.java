package dev.handshake.example.users;

/** A consumer named by one of user-service's contracts, the topic it reads there, and its consumer group id. */
record WatchedConsumer(String consumer, String group, String topic) {}
