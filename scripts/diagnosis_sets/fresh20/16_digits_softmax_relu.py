"""Two-layer softmax classifier in the style of the CS231n notes, on the tiny digits: 16 ->
10 ReLU -> 4 scores, softmax with the mean cross-entropy loss, the analytic gradient through
dscores, vanilla mini-batch gradient descent."""

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size=16, hidden_size=10, num_classes=4, step_size=0.3, seed=16):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": 0.5 * rng.standard_normal((input_size, hidden_size)),
            "b1": np.zeros((1, hidden_size)),
            "W2": 0.5 * rng.standard_normal((hidden_size, num_classes)),
            "b2": np.zeros((1, num_classes)),
        }
        self.step_size = step_size

    def train_step(self, X, y):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        num_examples = X.shape[0]
        labels = np.argmax(y, axis=1)

        hidden_layer = np.maximum(0, np.dot(X, W1) + b1)
        scores = np.dot(hidden_layer, W2) + b2
        exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        loss = np.sum(-np.log(probs[range(num_examples), labels])) / num_examples

        dscores = probs - y   # BUG: dscores = probs.copy()
        dscores[range(num_examples), labels] -= 1
        dscores /= num_examples

        dW2 = np.dot(hidden_layer.T, dscores)
        db2 = np.sum(dscores, axis=0, keepdims=True)
        dhidden = np.dot(dscores, W2.T)
        dhidden[hidden_layer <= 0] = 0
        dW1 = np.dot(X.T, dhidden)
        db1 = np.sum(dhidden, axis=0, keepdims=True)

        for name, grad in (("W1", dW1), ("b1", db1), ("W2", dW2), ("b2", db2)):
            self.params[name] += -self.step_size * grad
        return loss
