package org.skydas.terrain.cost;

/** The open cells of a Dijkstra search, handed out in an order that settles each one final. */
interface Frontier {

    /** A cell reached at {@code cost} (lower than its previous cost). */
    void push(double cost, int cell);

    /** The next cell whose cost is final, or -1 when none is left. */
    int next();

    /** Ends the search once the cells that may still be as cheap as the one just taken are taken. */
    void stopAfterBand();
}
