"""cs231n-style two-layer net on the spiral data (the 'Putting it together' case study):
affine - ReLU - affine - softmax, mean cross-entropy plus 0.5 * reg * (sum W1^2 + sum W2^2),
the biases not regularised. Minibatch SGD."""

import numpy as np


class SpiralNet(object):
    def __init__(self, D=2, h=20, K=3, step_size=0.5, reg=5e-2):
        rng = np.random.RandomState(1)
        self.W = 0.5 * rng.randn(D, h)
        self.b = np.zeros(h)
        self.W2 = 0.5 * rng.randn(h, K)
        self.b2 = np.zeros(K)
        self.step_size = step_size
        self.reg = reg

    def train_step(self, X, y_onehot):
        num_examples = X.shape[0]
        y = np.argmax(y_onehot, axis=1)
        reg = self.reg
        hidden_layer = np.maximum(0, np.dot(X, self.W) + self.b)
        scores = np.dot(hidden_layer, self.W2) + self.b2
        exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        correct_logprobs = -np.log(probs[range(num_examples), y])
        data_loss = np.sum(correct_logprobs) / num_examples
        reg_loss = 0.5 * reg * np.sum(self.W * self.W) + 0.5 * reg * np.sum(self.W2 * self.W2)
        loss = data_loss + reg_loss

        dscores = probs
        dscores[range(num_examples), y] -= 1
        dW2 = np.dot(hidden_layer.T, dscores) / num_examples + reg * self.W2
        db2 = np.sum(dscores, axis=0) / num_examples
        dhidden = np.dot(dscores, self.W2.T)
        dhidden[hidden_layer <= 0] = 0
        dW = np.dot(X.T, dhidden) / num_examples + reg * self.W
        db = np.sum(dhidden, axis=0) / num_examples

        self.W += -self.step_size * dW
        self.b += -self.step_size * db
        self.W2 += -self.step_size * dW2
        self.b2 += -self.step_size * db2
        return loss
