"""Two-layer fully-connected network for 4 classes in the style of the CS231n notes:
5 inputs -> 10 ReLU -> 4 class scores, softmax loss averaged over the examples, vanilla
gradient descent with step size 0.3 on mini-batches."""

import numpy as np


class TwoLayerNet:
    def __init__(self, X, y, hidden=10, step_size=0.3):
        D, K = X.shape[1], y.shape[1]
        self.params = {
            "W1": 0.01 * np.random.randn(D, hidden),
            "b1": np.zeros((1, hidden)),
            "W2": 0.01 * np.random.randn(hidden, K),
            "b2": np.zeros((1, K)),
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
        data_loss = np.sum(-np.log(probs[range(num_examples), labels])) / num_examples

        # gradient on the scores
        dscores = probs / num_examples
        dscores[range(num_examples), labels] -= 1   # BUG: dscores[range(num_examples), labels] -= 1 / num_examples

        # backpropagate
        dW2 = np.dot(hidden_layer.T, dscores)
        db2 = np.sum(dscores, axis=0, keepdims=True)
        dhidden = np.dot(dscores, W2.T)
        dhidden[hidden_layer <= 0] = 0
        dW1 = np.dot(X.T, dhidden)
        db1 = np.sum(dhidden, axis=0, keepdims=True)

        W1 += -self.step_size * dW1
        b1 += -self.step_size * db1
        W2 += -self.step_size * dW2
        b2 += -self.step_size * db2
        return data_loss
