package par.proc;

/** What {@code lock()} returns: a lock the hub owns, by id. {@code with l { }} holds it for the block. */
class LockHandle extends Acquirable {
    LockHandle(ProcessSupport support, long id) {
        super(support, id, Op.ACQUIRE, Op.RELEASE, id);
    }

    @Override
    public byte kind() {
        return KIND_LOCK;
    }

    @Override
    public String typeName() {
        return "lock";
    }
}
