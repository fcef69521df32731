/** A program that uses dmftlab as a library: a learning-rate scan with a custom loss. */
module org.example.lab {
    requires org.dmftlab.app;
}
