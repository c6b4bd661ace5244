"""Three-class classifier trained with a step-decay learning-rate schedule, as in the "learning rate
schedules" tutorials: lr = LR0 * DROP ** epoch, with the epoch worked out from the number of
mini-batch updates made so far. 5 inputs -> 10 tanh units -> softmax, mean cross-entropy,
hand-written backward pass."""

import numpy as np

LR0 = 0.5
DROP = 0.7


class StepDecayClassifier:
    def __init__(self, n_in=5, n_hidden=10, n_out=3, num_train=45, batch_size=12, seed=8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.4, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.4, (n_hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.steps_per_epoch = num_train // batch_size   # BUG: self.steps_per_epoch = int(np.ceil(num_train / batch_size))
        self.iteration = 0

    def learning_rate(self):
        epoch = self.iteration // self.steps_per_epoch
        return LR0 * DROP ** epoch

    def train_step(self, X, Y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(Y * np.log(p), axis=1))

        dz = (p - Y) / len(X)
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        lr = self.learning_rate()
        self.W2 -= lr * (h.T @ dz)
        self.b2 -= lr * dz.sum(axis=0)
        self.W1 -= lr * (X.T @ dh)
        self.b1 -= lr * dh.sum(axis=0)
        self.iteration += 1
        return loss
