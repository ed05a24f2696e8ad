package fi.sd.storage.s3;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.storage.StorageUnavailableException;
import fi.sd.storage.config.StorageConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 operations the storage needs, with S3's failures as {@link StorageUnavailableException}.
 * Uploads stream: an object up to the part size is one PUT, a larger one a multipart upload whose
 * parts are slices of the same stream (no part is ever held in memory), aborted on any failure,
 * so that an object appears whole or not at all.
 */
@ApplicationScoped
public class S3Objects {

    private static final Logger LOG = Logger.getLogger(S3Objects.class);
    private static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;
    private static final int DELETE_BATCH = 1000;
    private static final String BINARY = "application/octet-stream";

    private final S3Client s3;
    private final long partBytes;
    private volatile boolean batchDeletes = true;

    @Inject
    public S3Objects(S3Client s3, StorageConfig config) {
        this.s3 = s3;
        this.partBytes = Math.max(MIN_PART_BYTES, config.partSize().asLongValue());
    }

    /** Stores exactly {@code length} bytes of {@code body} as one object. */
    public void upload(String bucket, String key, InputStream body, long length) {
        long part = partSizeFor(length);
        try {
            if (length <= part) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength(length).contentType(BINARY), streamed(body, length));
            } else {
                uploadInParts(bucket, key, body, length, part);
            }
        } catch (SdkException e) {
            throw unavailable("storing " + key, e);
        }
    }

    private void uploadInParts(String bucket, String key, InputStream body, long length, long part) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(BINARY)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long remaining = length;
            for (int number = 1; remaining > 0; number++) {
                long size = Math.min(part, remaining);
                int partNumber = number;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength(size),
                        streamed(new SliceInputStream(body, size), size)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                remaining -= size;
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abort(bucket, key, uploadId);
            throw e;
        }
    }

    /**
     * A body read once, as it is sent: {@code RequestBody.fromInputStream} would buffer it whole in
     * memory so that the SDK can retry. A streamed body cannot be sent again: a failed attempt fails
     * the upload, and the caller sends the whole file again.
     */
    private static RequestBody streamed(InputStream body, long length) {
        AtomicBoolean given = new AtomicBoolean();
        return RequestBody.fromContentProvider(() -> {
            if (given.getAndSet(true)) {
                throw new IllegalStateException("a streamed body cannot be sent twice");
            }
            return body;
        }, length, BINARY);
    }

    /** The object's bytes as they arrive, or empty when there is no such object. */
    public Optional<InputStream> download(String bucket, String key) {
        try {
            return Optional.of(new StoreReadingInputStream(s3.getObject(b -> b.bucket(bucket).key(key))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("reading " + key, e);
        }
    }

    /** A small object whole (a key object), or empty when there is none. */
    public Optional<byte[]> read(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("reading " + key, e);
        }
    }

    /** Stores a small object whole. */
    public void write(String bucket, String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable("storing " + key, e);
        }
    }

    /** Every object whose key starts with {@code prefix}, in key order (without the folder entries some stores list). */
    public List<S3Object> list(String bucket, String prefix) {
        try {
            List<S3Object> objects = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .filter(object -> !object.key().endsWith("/"))
                    .forEach(objects::add);
            return objects;
        } catch (SdkException e) {
            throw unavailable("listing " + prefix, e);
        }
    }

    public void delete(String bucket, String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw unavailable("deleting " + key, e);
        }
    }

    /**
     * Deletes the objects, a thousand per request, or one by one where the store does not take the
     * batch request (S3Proxy and older Ceph refuse its newer checksum header); fails if any stays.
     */
    public void deleteAll(String bucket, List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH));
            if (batchDeletes) {
                try {
                    deleteBatch(bucket, batch);
                    continue;
                } catch (S3Exception e) {
                    if (e.statusCode() != 501) {
                        throw unavailable("deleting " + batch.size() + " objects", e);
                    }
                    LOG.infof("The object store does not delete in batches (%s); deleting one by one", e.getMessage());
                    batchDeletes = false;
                } catch (SdkException e) {
                    throw unavailable("deleting " + batch.size() + " objects", e);
                }
            }
            batch.forEach(key -> delete(bucket, key));
        }
    }

    private void deleteBatch(String bucket, List<String> keys) {
        List<ObjectIdentifier> objects = keys.stream().map(key -> ObjectIdentifier.builder().key(key).build()).toList();
        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(objects).quiet(true).build()));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new StorageUnavailableException("The object store did not delete " + response.errors().size() + " objects, e.g. "
                    + response.errors().get(0).key() + ": " + response.errors().get(0).message(), null);
        }
    }

    /** Aborts the unfinished multipart uploads under {@code prefix}, whose parts would otherwise stay stored. */
    public void abortUploads(String bucket, String prefix) {
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)).uploads()) {
                abort(bucket, upload.key(), upload.uploadId());
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 501) {
                throw unavailable("listing unfinished uploads under " + prefix, e);
            }
            LOG.debugf("The object store does not list multipart uploads: %s", e.getMessage());
        } catch (SdkException e) {
            throw unavailable("listing unfinished uploads under " + prefix, e);
        }
    }

    public boolean bucketExists(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw unavailable("looking for bucket " + bucket, e);
        } catch (SdkException e) {
            throw unavailable("looking for bucket " + bucket, e);
        }
    }

    public void createBucket(String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw unavailable("creating bucket " + bucket, e);
        }
    }

    /** Whether versioning is on (or suspended, with old versions kept) in the bucket; false when the store cannot tell. */
    public boolean keepsOldVersions(String bucket) {
        try {
            BucketVersioningStatus status = s3.getBucketVersioning(b -> b.bucket(bucket)).status();
            return status == BucketVersioningStatus.ENABLED || status == BucketVersioningStatus.SUSPENDED;
        } catch (SdkException e) {
            LOG.debugf("The object store does not tell whether bucket %s is versioned: %s", bucket, e.getMessage());
            return false;
        }
    }

    private long partSizeFor(long length) {
        long needed = (length + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(partBytes, needed);
    }

    private void abort(String bucket, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warnf("Could not abort the multipart upload %s of %s: %s", uploadId, key, e.getMessage());
        }
    }

    private static StorageUnavailableException unavailable(String what, SdkException e) {
        LOG.warnf("Object store failure %s: %s", what, e.toString());
        String operation = what.substring(0, what.indexOf(' '));
        return new StorageUnavailableException("The object store is not available (" + operation + " failed); try again later", e);
    }
}
