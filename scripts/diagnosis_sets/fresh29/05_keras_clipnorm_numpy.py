"""NumPy version of a Keras regression model trained with SGD(learning_rate=0.05, clipnorm=0.5):

    model = keras.Sequential([layers.Dense(10, activation="tanh"), layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, clipnorm=0.5), loss=sse)

Keras's clipnorm clips each variable's gradient separately to an L2 norm of at most clipnorm
(tf.clip_by_norm per variable; global_clipnorm is the other option). The loss is the sum of
squared errors over the batch."""

import numpy as np

LR, CLIPNORM = 0.05, 0.5


def clip_by_norm(g, clip):
    norm = np.sqrt(np.sum(g * g))
    return g * clip / norm if norm > clip else g


class ClipNormNet:
    def __init__(self, n_in=3, n_hidden=10, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0, 0.6, (n_in, n_hidden)), "b1": np.zeros(n_hidden),
                       "W2": rng.normal(0, 0.6, (n_hidden, 1)), "b2": np.zeros(1)}

    def train_step(self, X, y):
        P = self.params
        h = np.tanh(X @ P["W1"] + P["b1"])
        out = h @ P["W2"] + P["b2"]
        err = out - y
        loss = np.sum(err ** 2)
        d_out = 2 * err
        d_h = (d_out @ P["W2"].T) * (1 - h ** 2)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(0), "W2": h.T @ d_out, "b2": d_out.sum(0)}
        for name in P:
            P[name] -= LR * clip_by_norm(grads[name], CLIPNORM)
        return float(loss)
