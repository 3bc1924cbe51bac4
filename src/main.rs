fn main() {
    opendoor::start();
}
