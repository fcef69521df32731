package org.dmftlab.core.simulation;

import java.util.random.RandomGenerator;
import org.dmftlab.core.problem.InputPart;
import org.dmftlab.core.problem.RefusedInputException;
import org.dmftlab.core.random.Normals;
import org.dmftlab.core.spi.Covariance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The data distribution of SPEC §1 in dimension d: how inputs x = Σ^{1/2} z (z ~ N(0, I/d)) and the teacher w*
 * are drawn, and Σ as an operator for the population observables M and Q of SPEC §3. Built once per run and
 * shared, read-only, by every seed.
 */
sealed interface Population {

    /** The dimension d. */
    int dimension();

    /** Draws the teacher w* (length d) for one seed. */
    double[] drawTeacher(RandomGenerator random);

    /**
     * Draws {@code rows} input rows, in a fixed order from {@code random}, into {@code x[offset …]} (row-major, d
     * entries per row); modifies only those entries. The standard normals of each row come from
     * {@link Normals#fill} (two from each 64-bit word), a row at a time, so both precisions draw the same numbers.
     */
    void drawRows(RandomGenerator random, double[] x, int offset, int rows);

    /**
     * As {@link #drawRows(RandomGenerator, double[], int, int)}, each entry drawn in double precision and stored
     * rounded to the nearest float.
     */
    void drawRows(RandomGenerator random, float[] x, int offset, int rows);

    /** out = Σ v; modifies {@code out}. */
    void multiply(double[] v, double[] out);


    /** vᵀ Σ v. */
    double quadratic(double[] v);

    /**
     * The heap the population of a covariance in dimension d holds (shared by every seed) and, per drawing task,
     * while it draws {@code rows} rows: three d-vectors for a diagonal Σ; Σ and its Cholesky factor (two d × d
     * matrices) and Z, Z Lᵀ of the rows drawn for a dense one.
     *
     * @param drawingTasks row blocks drawn at the same time
     */
    static long bytes(Covariance covariance, int d, int drawingTasks, int rows) {
        return covariance.denseOperator().isPresent()
                ? 2L * Double.BYTES * d * d + 2L * Double.BYTES * drawingTasks * rows * d
                : 3L * Double.BYTES * d;
    }

    /**
     * The population of a covariance in dimension d: simulated in its eigenbasis unless it has a
     * {@link Covariance#denseOperator() dense operator}.
     *
     * @throws RefusedInputException {@code covariance/invalid-spectrum} for a negative or non-finite eigenvalue
     *     or teacher power, {@code covariance/not-positive-definite} when a dense Σ has no Cholesky factor
     */
    static Population of(Covariance covariance, int d) {
        return covariance.denseOperator().<Population>map(operator -> Dense.of(operator, d))
                .orElseGet(() -> Diagonal.of(covariance, d));
    }

    /**
     * A covariance simulated in its eigenbasis: eigenvalues σ_j = σ((j+½)/d), X_{μj} = √σ_j z_{μj}, and the
     * teacher w*_j = √τ_j × (a random sign) with τ_j = τ((j+½)/d), so |w*|² = Σ_j τ_j ≈ d (exactly d when
     * τ = 1).
     */
    record Diagonal(double[] sigma, double[] teacherPower, double[] rowScale) implements Population {

        static Diagonal of(Covariance covariance, int d) {
            double[] sigma = covariance.eigenvalues(d);
            double[] tau = new double[d];
            double[] scale = new double[d];
            for (int j = 0; j < d; j++) {
                double u = Covariance.quantileNode(j, d);
                tau[j] = covariance.teacherPower(u);
                if (!(sigma[j] >= 0) || !Double.isFinite(sigma[j]) || !(tau[j] >= 0) || !Double.isFinite(tau[j])) {
                    throw new RefusedInputException(CovarianceError.INVALID_SPECTRUM, InputPart.COVARIANCE, null,
                            "at quantile u = " + u
                            + " the eigenvalue is " + sigma[j] + " and the teacher power " + tau[j]
                            + "; both must be finite and >= 0");
                }
                scale[j] = Math.sqrt(sigma[j] / d);
            }
            return new Diagonal(sigma, tau, scale);
        }

        @Override
        public int dimension() {
            return sigma.length;
        }

        @Override
        public double[] drawTeacher(RandomGenerator random) {
            double[] teacher = new double[sigma.length];
            for (int j = 0; j < teacher.length; j++) {
                teacher[j] = random.nextBoolean() ? Math.sqrt(teacherPower[j]) : -Math.sqrt(teacherPower[j]);
            }
            return teacher;
        }

        @Override
        public void drawRows(RandomGenerator random, double[] x, int offset, int rows) {
            int d = sigma.length;
            for (int row = offset; row < offset + rows * d; row += d) {
                Normals.fill(random, x, row, row + d);
                for (int j = 0; j < d; j++) {
                    x[row + j] *= rowScale[j];
                }
            }
        }

        @Override
        public void drawRows(RandomGenerator random, float[] x, int offset, int rows) {
            int d = sigma.length;
            double[] z = new double[d];
            for (int row = offset; row < offset + rows * d; row += d) {
                Normals.fill(random, z, 0, d);
                for (int j = 0; j < d; j++) {
                    x[row + j] = (float) (rowScale[j] * z[j]);
                }
            }
        }

        @Override
        public void multiply(double[] v, double[] out) {
            for (int j = 0; j < v.length; j++) {
                out[j] = sigma[j] * v[j];
            }
        }

        @Override
        public double quadratic(double[] v) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += sigma[j] * v[j] * v[j];
            }
            return sum;
        }
    }

    /**
     * A dense covariance that is not diagonalised: X = Z Lᵀ with Σ = L Lᵀ the Cholesky factorisation (EJML),
     * and the teacher a Gaussian vector rescaled to |w*|² = d (isotropic: the covariance's teacher power, which
     * refers to the eigenbasis, is not used).
     *
     * @param entries Σ, row-major d×d
     * @param factor  the lower-triangular Cholesky factor L
     */
    record Dense(double[] entries, DMatrixRMaj factor) implements Population {

        static Dense of(Covariance.DenseOperator operator, int d) {
            DMatrixRMaj sigma = new DMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double entry = operator.entry(d, i, j);
                    if (!Double.isFinite(entry)) {
                        throw new RefusedInputException(CovarianceError.INVALID_SPECTRUM, InputPart.COVARIANCE, null,
                                "the dense covariance has the entry " + entry + " at (" + i + ", " + j + ")");
                    }
                    sigma.unsafe_set(i, j, entry);
                }
            }
            CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(d, true);
            // decompose() overwrites its argument: factor a copy and keep Σ.
            if (!MatrixFeatures_DDRM.isSymmetric(sigma, 1e-12) || !cholesky.decompose(sigma.copy())) {
                throw new RefusedInputException(CovarianceError.NOT_POSITIVE_DEFINITE, InputPart.COVARIANCE, null,
                        "the dense covariance of dimension " + d + " is not symmetric positive definite");
            }
            return new Dense(sigma.data, cholesky.getT(null));
        }

        @Override
        public int dimension() {
            return factor.numRows;
        }

        @Override
        public double[] drawTeacher(RandomGenerator random) {
            double[] teacher = new double[dimension()];
            for (int j = 0; j < teacher.length; j++) {
                teacher[j] = random.nextGaussian();
            }
            double scale = Math.sqrt(teacher.length / VectorOps.dot(teacher, teacher));
            for (int j = 0; j < teacher.length; j++) {
                teacher[j] *= scale;
            }
            return teacher;
        }

        @Override
        public void drawRows(RandomGenerator random, double[] x, int offset, int rows) {
            double[] drawn = draw(random, rows);
            System.arraycopy(drawn, 0, x, offset, drawn.length);
        }

        @Override
        public void drawRows(RandomGenerator random, float[] x, int offset, int rows) {
            double[] drawn = draw(random, rows);
            for (int k = 0; k < drawn.length; k++) {
                x[offset + k] = (float) drawn[k];
            }
        }

        /** Z Lᵀ for {@code rows} rows of Z, z ~ N(0, I/d), row-major. */
        private double[] draw(RandomGenerator random, int rows) {
            int d = dimension();
            double scale = 1 / Math.sqrt(d);
            DMatrixRMaj z = new DMatrixRMaj(rows, d);
            for (int row = 0; row < z.data.length; row += d) {
                Normals.fill(random, z.data, row, row + d);
            }
            CommonOps_DDRM.scale(scale, z);
            DMatrixRMaj product = new DMatrixRMaj(rows, d);
            CommonOps_DDRM.multTransB(z, factor, product);
            return product.data;
        }

        @Override
        public void multiply(double[] v, double[] out) {
            for (int i = 0; i < v.length; i++) {
                out[i] = VectorOps.dot(entries, i * v.length, v, v.length);
            }
        }

        @Override
        public double quadratic(double[] v) {
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += v[i] * VectorOps.dot(entries, i * v.length, v, v.length);
            }
            return sum;
        }
    }
}
