"""The merchant preview: every setting and every state of the block, without a store or credits."""
