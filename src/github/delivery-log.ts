/** Recently seen webhook deliveries (X-GitHub-Delivery), to drop redeliveries and duplicates. */
export class DeliveryLog {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 5000) {}

  /** Records the id; false when it was already seen. */
  firstTime(id: string | undefined): boolean {
    if (!id) return true;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value!);
    return true;
  }

  /** Forgets the id: a delivery whose handling failed is taken when it comes again. */
  forget(id: string | undefined): void {
    if (id) this.seen.delete(id);
  }
}
